// README, "What it catches, and why", second incident: "users" is created only by the seed/demo migration, and password_reset_tokens.user_id
// is text while users.id is uuid.
import groovy.json.JsonSlurper

def migration = 'prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql'
def sqlLines = new File(basedir, migration).readLines('UTF-8')
def alterLine = sqlLines.findIndexOf { it.startsWith('ALTER TABLE "password_reset_tokens"') } + 1
def columnLine = sqlLines.findIndexOf { it.contains('"user_id" TEXT') } + 1
assert alterLine > 0 && columnLine > 0

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def findings = json.findings
assert findings*.ruleId.sort() == ['fk-type-mismatch', 'seed-only-reference'] : "unexpected findings: ${findings}"
assert findings.every { it.severity == 'error' && it.file == migration }

def seedOnly = findings.find { it.ruleId == 'seed-only-reference' }
assert seedOnly.line == alterLine
assert seedOnly.message.contains('users')

def typeMismatch = findings.find { it.ruleId == 'fk-type-mismatch' }
// the offending clause is the FK; the column definition is an acceptable place too
assert typeMismatch.line in [alterLine, columnLine]
assert typeMismatch.message.toLowerCase().contains('text')
assert typeMismatch.message.toLowerCase().contains('uuid')

def users = json.graph.tables.find { it.name == 'users' }
assert users.seed == true
assert users.file == 'prisma/migrations/20260205000656_npm_run_db_seed_demo/migration.sql'

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId.sort() == ['fk-type-mismatch', 'seed-only-reference']
assert results.every { it.locations[0].physicalLocation.artifactLocation.uri == migration }
assert results.find { it.ruleId == 'seed-only-reference' }.locations[0].physicalLocation.region.startLine == alterLine

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: 2 findings at or above error (1 fk-type-mismatch, 1 seed-only-reference); see target/refguard/refguard.sarif')
return true
