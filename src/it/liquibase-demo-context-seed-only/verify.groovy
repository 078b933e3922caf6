// The plans table exists only where Liquibase runs the demo context: the schema changeset's FK to it is seed-only.
import groovy.json.JsonSlurper

def file = 'src/main/resources/db/changelog/db.changelog-master.yaml'
def line = new File(basedir, file).readLines('UTF-8').findIndexOf { it.contains('tableName: subscriptions') }
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings.size() == 1 : "unexpected findings: ${json.findings}"
assert json.findings[0].ruleId == 'seed-only-reference'
assert json.findings[0].file == file
// the line of the createTable change
assert json.findings[0].line == line
assert json.graph.tables.find { it.name == 'plans' }.seed == true
return true
