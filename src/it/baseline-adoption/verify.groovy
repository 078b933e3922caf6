// Baseline (docs/rules.md): findings recorded by the baseline goal are reported as baselined and do not fail the build;
// SARIF keeps them with baselineState "unchanged" and a suppression, so code-scanning alerts do not flap.
import groovy.json.JsonSlurper

def migration = 'supabase/migrations/20230101000000_legacy.sql'
def baseline = new JsonSlurper().parse(new File(basedir, 'refguard-baseline.json'))
assert baseline.version == 1
assert baseline.findings*.ruleId == ['missing-reference-target', 'missing-reference-target']
assert baseline.findings.every { it.file == migration && it.fingerprint }

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings.size() == 2
assert json.findings.every { it.ruleId == 'missing-reference-target' && it.severity == 'error' && it.baselined }
assert json.findings*.line == [3, 4]

def sarif = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 2
assert results.every { it.baselineState == 'unchanged' && it.suppressions?.size() == 1 }

def log = new File(basedir, 'build.log').text
assert log.contains('refguard: recorded 2 findings in refguard-baseline.json')
assert log.contains('(2 baselined)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
return true
