// Issue 7, "fixes come in rounds": notes.user_id is text and references public.users(id) (uuid) while every
// other FK uses auth.users. PostgreSQL rejects the FK for its type, and even so it is checked by every rule that
// does not need it to exist: both findings come in the same run, on the same line.
import groovy.json.JsonSlurper

def app = 'supabase/migrations/20240102000000_app.sql'
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
def findings = json.findings
assert findings*.ruleId as Set == ['fk-type-mismatch', 'mixed-user-reference'] as Set : "findings: ${findings}"
assert findings.size() == 2
assert findings.every { it.file == app && it.line == 5 && it.severity == 'error' }
assert findings.find { it.ruleId == 'fk-type-mismatch' }.message.contains('uuid')
assert findings.find { it.ruleId == 'mixed-user-reference' }.message.contains('auth.users')
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
return true
