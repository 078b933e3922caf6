// fix wrote exactly one new migration after the others, holding the corrective SQL of both findings, each block
// named by its rule and place; no other file changed; the check that ran after it found nothing.
import groovy.json.JsonSlurper

def migrations = new File(basedir, 'supabase/migrations')
def original = new File(basedir, '../../../src/it/fix-supabase/supabase/migrations')
def before = original.list().sort()
def now = migrations.list().sort()
def added = now - before
assert added.size() == 1 : "expected one new migration, got ${added}"
def name = added[0]
assert name ==~ /\d{14}_refguard_fix\.sql/
assert name.substring(0, 14) > before.last().substring(0, 14)
before.each { assert new File(migrations, it).text == new File(original, it).text : "${it} was changed" }

def identity = new File(migrations, '20250101000000_identity.sql').readLines('UTF-8')
def mixedLine = identity.findIndexOf { it.startsWith('  last_modified_by') } + 1
def profiles = new File(migrations, '20250102000000_profiles.sql').readLines('UTF-8')
def syncLine = profiles.findIndexOf { it.contains('references auth.users') } + 1
def fix = new File(migrations, name).text
assert fix.contains("-- mixed-user-reference at supabase/migrations/20250101000000_identity.sql:${mixedLine}:")
assert fix.contains("-- missing-user-sync-trigger at supabase/migrations/20250102000000_profiles.sql:${syncLine}:")
assert fix.contains('ALTER TABLE public.songs DROP CONSTRAINT songs_last_modified_by_fkey;')
assert fix.contains('REFERENCES public.users(id) ON DELETE SET NULL NOT VALID;')
assert fix.contains('after insert on auth.users')

def log = new File(basedir, 'build.log').text
assert log.contains("refguard: wrote supabase/migrations/${name} with the fix of 2 findings")
assert log.contains('refguard: analysed again with the new migration: the findings it fixes are gone')
// the check after it: nothing at all, though it ran at failOn=warning
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings.isEmpty() : json.findings
assert json.stats.files == 3
return true
