// The old migration's broken reference is pre-existing: reported, not failing; the summary counts it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('findings: 0 errors, 0 warnings, 0 info new since main (1 pre-existing)')
assert !log.contains('20250101000000_old.sql:1') : 'a pre-existing finding is printed as a finding line'

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings.size() == 1
assert json.findings[0].file == 'supabase/migrations/20250101000000_old.sql'
assert json.findings[0].preexisting == true

def sarif = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.sarif'))
assert sarif.runs[0].results*.baselineState == ['unchanged']
return true
