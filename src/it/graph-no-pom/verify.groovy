// The graph goal writes refguard.json, schema.mmd and schema.dot, and nothing else; a finding does not fail it.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
assert reportDir.list().toList().sort() == ['refguard.json', 'schema.dot', 'schema.mmd']

def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def edges = json.graph.foreignKeys.collect {
    "${it.from.schema}.${it.from.table}(${it.from.columns.join(',')}) -> ${it.to.schema}.${it.to.table}(${it.to.columns.join(',')})"
}
assert edges.sort() == [
    'public.posts(author_id) -> public.profiles(id)',
    'public.profiles(id) -> auth.users(id)',
]
assert json.findings*.ruleId == ['missing-reference-target']

def mermaid = new File(reportDir, 'schema.mmd').text
assert mermaid.startsWith('erDiagram')
assert mermaid.contains('profiles')
def dot = new File(reportDir, 'schema.dot').text
assert dot.startsWith('digraph')

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: schema graph of 2 tables and 2 foreign keys written to target/refguard')
assert log.contains('BUILD SUCCESS')
return true
