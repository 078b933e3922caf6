// The second incident fixed: "users" comes from the schema migration 20260201000000_init, the demo migration
// only inserts rows, and user_id is a uuid like users.id.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
def users = json.graph.tables.find { it.name == 'users' }
assert users.seed == false
assert users.file == 'prisma/migrations/20260201000000_init/migration.sql'
def fk = json.graph.foreignKeys.find { it.from.table == 'password_reset_tokens' }
assert fk.to.table == 'users' && fk.to.columns == ['id']
assert fk.onDelete == 'CASCADE' && fk.onUpdate == 'CASCADE'

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results == []
return true
