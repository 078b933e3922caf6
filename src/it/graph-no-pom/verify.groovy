// The graph goal writes refguard.json, schema.mmd and schema.dot, and nothing else; a finding does not fail it.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
assert reportDir.list().toList().sort() == ['refguard.json', 'schema.dot', 'schema.mmd']

def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def edges = json.graph.foreignKeys.collect {
    "${it.from.schema}.${it.from.table}(${it.from.columns.join(',')}) -> ${it.to.schema}.${it.to.table}(${it.to.columns.join(',')})"
}
// PostgreSQL rejects the whole CREATE TABLE of posts (its category_id references a table no migration creates),
// so the graph PostgreSQL would build holds profiles only; the rejected key is listed apart, with its reason
assert edges.sort() == ['public.profiles(id) -> auth.users(id)']
assert json.graph.tables*.name == ['profiles']
assert json.graph.rejectedForeignKeys.collect { "${it.from.table}.${it.from.columns[0]} ${it.reason}".toString() } ==
        ['posts.category_id target missing']
assert json.findings*.ruleId == ['missing-reference-target']

def mermaid = new File(reportDir, 'schema.mmd').text
assert mermaid.startsWith('erDiagram')
assert mermaid.contains('profiles')
def dot = new File(reportDir, 'schema.dot').text
assert dot.startsWith('digraph')

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: schema graph of 1 table and 1 foreign key (and 1 PostgreSQL would reject, drawn marked) written to target/refguard')
assert log.contains('BUILD SUCCESS')
return true
