// Issue 7, "the mix flips": with two FKs to each identity table the tie is broken deterministically (the table
// referenced first, auth.users), and the baseline goal pins that choice. A later FK to public.users would win a
// majority vote 3 to 2; with the pin the verdict on the old lines is unchanged (still baselined) and only the new
// FK fails the build.
import groovy.json.JsonSlurper

def content = 'supabase/migrations/20240102000000_content.sql'
def later = 'supabase/migrations/20240201000000_bookmarks.sql'

def baseline = new JsonSlurper().parse(new File(basedir, 'refguard-baseline.json'))
assert baseline.canonicalIdentityTables == ['supabase/migrations': 'auth.users']
assert baseline.findings*.ruleId == ['mixed-user-reference', 'mixed-user-reference']
assert baseline.findings.every { it.file == content }

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
def findings = json.findings
assert findings.every { it.ruleId == 'mixed-user-reference' } : "unexpected findings: ${findings}"
def old = findings.findAll { it.file == content }
assert old*.line == [3, 5]
assert old.every { it.baselined && it.message.contains('public.users') }
def added = findings.findAll { it.file == later }
assert added.size() == 1
assert added[0].line == 2
assert !added[0].baselined
assert added[0].message.contains('bookmarks.user_id')
// the FKs to auth.users are never flagged, before or after
assert !findings.any { it.line in [2, 4] && it.file == content }

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
return true
