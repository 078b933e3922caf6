// The dialect comes from the flyway-maven-plugin's jdbc:mysql:// URL. MySQL parses the inline REFERENCES of
// books.author_id and creates no foreign key: the finding says so, and the graph has no FK.
import groovy.json.JsonSlurper

def v1 = 'src/main/resources/db/migration/V1__schema.sql'
def line = new File(basedir, v1).readLines('UTF-8').findIndexOf { it.contains('REFERENCES') } + 1
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
def errors = json.findings.findAll { it.severity == 'error' }
assert errors.size() == 1 : "unexpected findings: ${json.findings}"
assert errors[0].ruleId == 'ignored-inline-reference'
assert errors[0].file == v1
assert errors[0].line == line
assert errors[0].message.contains('MySQL parses it and creates no foreign key')
assert json.graph.foreignKeys.isEmpty()
assert json.graph.tables*.name.sort() == ['authors', 'books']
return true
