// Issue 7, messages that do not know the history: the ALTER TABLE names gadgets, which an earlier migration
// created and another renamed to items before this file ran. The message says so, naming the rename's file; the
// hint names the table as it is now.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
def findings = json.findings
assert findings.size() == 1 : "findings: ${findings}"
def f = findings[0]
assert f.ruleId == 'missing-reference-target'
assert f.file == 'supabase/migrations/20240301000000_price.sql' && f.line == 2
assert f.message.contains('renamed') : f.message
assert f.message.contains('items') : f.message
assert f.message.contains('supabase/migrations/20240201000000_rename.sql') : f.message
assert !f.message.contains('no migration creates') : f.message
assert (f.hint ?: '').contains('items') : f.hint
return true
