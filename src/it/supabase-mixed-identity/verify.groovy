// README, "What it catches, and why", first incident: 6 FKs to auth.users beside 7 to public.users. public.users has the most references,
// so each FK to auth.users is one mixed-user-reference finding; the bridge public.users.id -> auth.users.id is
// not counted.
import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def migration = 'supabase/migrations/20251106000000_baseline_schema.sql'
def sqlLines = new File(basedir, migration).readLines('UTF-8')
def expectedLines = (1..sqlLines.size()).findAll { n ->
    def line = sqlLines[n - 1]
    line.contains('references auth.users(id)') && !line.contains('primary key')
}
assert expectedLines.size() == 6
def lastModifiedBy = sqlLines.findIndexOf { it.contains('last_modified_by') } + 1
def setlistsStart = sqlLines.findIndexOf { it.startsWith('create table public.setlists') } + 1
def setlistsLastModifiedBy = (setlistsStart..sqlLines.size()).find { sqlLines[it - 1].contains('last_modified_by') }
assert setlistsLastModifiedBy in expectedLines

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
// the incident had a second problem: public.users, which the FKs use, is filled by no trigger on auth.users
def sync = json.findings.findAll { it.ruleId == 'missing-user-sync-trigger' }
assert sync.size() == 1 && sync[0].severity == 'warning' && sync[0].file == migration
assert sync[0].message.contains('users extends auth.users')
def findings = json.findings - sync
assert findings.every { it.ruleId == 'mixed-user-reference' } : "unexpected findings: ${findings}"
assert findings.size() == 6
assert findings.every { it.severity == 'error' && it.file == migration }
assert findings*.line as Set == expectedLines as Set
assert findings.every { it.message.contains('auth.users') && it.message.contains('public.users') }
// the message gives the counts of both targets
assert findings.every { it.message =~ /\b7\b/ } : findings*.message
def setlistsFinding = findings.find { it.line == setlistsLastModifiedBy }
assert setlistsFinding.message.contains('setlists.last_modified_by')

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.rules*.id.contains('mixed-user-reference')
assert run.results.size() == 7
def mixedResults = run.results.findAll { it.ruleId == 'mixed-user-reference' }
assert mixedResults.size() == 6 && mixedResults.every { it.level == 'error' }
assert run.results.count { it.ruleId == 'missing-user-sync-trigger' && it.level == 'warning' } == 1
def locations = mixedResults.collect { it.locations[0].physicalLocation }
assert locations.every { it.artifactLocation.uri == migration }
assert locations*.region*.startLine as Set == expectedLines as Set

// the further formats, parsed rather than grepped
def gitlab = new JsonSlurper().parse(new File(reportDir, 'gl-code-quality-report.json'))
assert gitlab.size() == 7
def gitlabMixed = gitlab.findAll { it.check_name == 'mixed-user-reference' }
assert gitlabMixed.size() == 6
assert gitlabMixed.every { it.severity == 'critical' && it.location.path == migration }
assert gitlabMixed*.location*.lines*.begin as Set == expectedLines as Set
assert (gitlab*.fingerprint as Set).size() == 7

def checkstyle = new XmlSlurper().parse(new File(reportDir, 'refguard-checkstyle.xml'))
assert checkstyle.file.size() == 1 && checkstyle.file[0].@name == migration
assert checkstyle.file.error.size() == 7
assert checkstyle.file.error.findAll { it.@source == 'refguard.mixed-user-reference' }.every { it.@severity == 'error' }
assert checkstyle.file.error.count { it.@source == 'refguard.missing-user-sync-trigger' && it.@severity == 'warning' } == 1

def junit = new XmlSlurper().parse(new File(reportDir, 'refguard-junit.xml'))
assert junit.@name == 'refguard'
assert junit.@tests.toInteger() == junit.testcase.size() && junit.testcase.size() >= 10
assert junit.@failures == '2'
def mixedCase = junit.testcase.find { it.@name == 'mixed-user-reference' }
assert mixedCase.failure.size() == 6

def markdown = new File(reportDir, 'refguard.md').text
assert markdown.startsWith('## refguard: 6 errors, 1 warning, 0 info\n')
assert markdown.count('- **error** [mixed-user-reference]') == 6

// the six FKs with findings are the six marked edges: the rule reports at the line the graph records
def mermaid = new File(reportDir, 'schema.mmd').text
assert mermaid.startsWith('erDiagram\n')
assert mermaid.count(' }o..|| auth_users : "⚠ mixed-user-reference') == 6
assert mermaid.contains('%% identity table: auth.users') && mermaid.contains('%% identity table: public.users')
def dot = new File(reportDir, 'schema.dot').text
// the six mixed FKs, and the bridge users.id -> auth.users that missing-user-sync-trigger marks
assert dot.count(', color="red"') == 7
assert dot.count('⚠ missing-user-sync-trigger') == 1
assert dot.count('-> "auth.users"') == 7

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: 6 findings at or above error (6 mixed-user-reference); see target/refguard/refguard.sarif')
// one finding a line in the compiler convention, e.g. ...sql:30:...: error[mixed-user-reference] ...
assert log.contains("${migration}:${setlistsLastModifiedBy}:")
return true
