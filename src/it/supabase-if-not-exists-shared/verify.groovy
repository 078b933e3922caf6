// README, "What it catches, and why", third incident: public.users is declared shared, so CREATE TABLE IF NOT EXISTS users is an error
// (on the shared database it would silently keep the other project's table).
import groovy.json.JsonSlurper

def migration = 'supabase/migrations/20250301000000_users.sql'
def createLine = new File(basedir, migration).readLines('UTF-8').findIndexOf { it.startsWith('create table if not exists') } + 1

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def findings = json.findings
assert findings.size() == 1 : "unexpected findings: ${findings}"
def finding = findings[0]
assert finding.ruleId == 'if-not-exists-over-shared'
assert finding.severity == 'error'
assert finding.file == migration
assert finding.line == createLine
assert finding.message.contains('users')

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'if-not-exists-over-shared'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == migration
assert results[0].locations[0].physicalLocation.region.startLine == createLine

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: 1 finding at or above error (1 if-not-exists-over-shared); see target/refguard/refguard.sarif')
return true
