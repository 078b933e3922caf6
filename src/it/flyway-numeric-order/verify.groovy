// Flyway compares versions numerically: V9 runs before V10, so the FK in V9 to audit (created in V10) breaks a
// fresh database. As text "V10" sorts before "V9", which would hide the problem.
import groovy.json.JsonSlurper

def dir = 'src/main/resources/db/migration'
def v9 = "${dir}/V9__notes.sql".toString()
def fkLine = new File(basedir, v9).readLines('UTF-8').findIndexOf { it.contains('references audit(id)') } + 1
assert fkLine > 0
// the jar build copied the migrations into target/classes; refguard must not read that copy
assert new File(basedir, 'target/classes/db/migration/V9__notes.sql').isFile()

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def findings = json.findings
assert findings.size() == 1 : "unexpected findings: ${findings}"
def finding = findings[0]
assert finding.ruleId == 'missing-reference-target'
assert finding.severity == 'error'
assert finding.file == v9
assert finding.line == fkLine
assert finding.message.contains('audit')
// the table exists, but only from a later migration: the message names it
assert finding.message.contains('V10__audit.sql')

assert json.stats.files == 5
assert json.graph.tables.every { !it.file.startsWith('target/') }

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'missing-reference-target'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == v9
assert results[0].locations[0].physicalLocation.region.startLine == fkLine

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: 1 finding at or above error (1 missing-reference-target); see target/refguard/refguard.sarif')
return true
