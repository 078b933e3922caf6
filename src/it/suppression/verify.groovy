// Suppressions (docs/rules.md): a reasoned one silences its finding; one without a reason still silences it but is an
// invalid-suppression warning; one that silences nothing is an unused-suppression warning. Warnings do not fail
// the build at the default failOn=error.
import groovy.json.JsonSlurper

def migration = 'supabase/migrations/20240701000000_billing.sql'
def sqlLines = new File(basedir, migration).readLines('UTF-8')
def lineOf = { String text ->
    def index = sqlLines.findIndexOf { it.contains(text) }
    assert index >= 0 : "no line contains ${text}"
    index + 1
}
def noReasonLine = lineOf('references billing.customers(id)')
def unusedLine = lineOf('-- refguard:ignore fk-type-mismatch')

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
def findings = json.findings
assert findings.every { it.ruleId != 'missing-reference-target' } : "a suppressed finding is reported: ${findings}"
assert findings.collect { [it.ruleId, it.severity, it.file, it.line] } as Set == [
        ['invalid-suppression', 'warning', migration, noReasonLine],
        ['unused-suppression', 'warning', migration, unusedLine]] as Set : "unexpected findings: ${findings}"
assert findings.size() == 2

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId as Set == ['invalid-suppression', 'unused-suppression'] as Set
assert results.every { it.level == 'warning' }
return true
