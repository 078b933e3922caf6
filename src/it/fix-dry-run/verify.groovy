// With refguard.fix.dryRun=true fix prints the migration and writes nothing: the migrations folder is as it was,
// and the check after it still fails on the same findings.
import groovy.json.JsonSlurper

def migrations = new File(basedir, 'supabase/migrations')
def original = new File(basedir, '../../../src/it/fix-dry-run/supabase/migrations')
assert migrations.list().sort() == original.list().sort()
original.list().each { assert new File(migrations, it).text == new File(original, it).text }

def log = new File(basedir, 'build.log').text
def said = log =~ /refguard: dry run \(refguard\.fix\.dryRun\), nothing written; would write supabase\/migrations\/(\d{14})_refguard_fix\.sql/
assert said.find() : 'the dry run did not say what it would write'
assert log.contains('-- mixed-user-reference at supabase/migrations/20250101000000_identity.sql:')
assert log.contains('ALTER TABLE public.songs DROP CONSTRAINT songs_last_modified_by_fkey;')

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings*.ruleId.sort() == ['missing-user-sync-trigger', 'mixed-user-reference']
return true
