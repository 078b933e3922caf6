// After ALTER TABLE "User" RENAME TO "users" the later reference to "users" resolves, and the FK declared
// before the rename now points at "users" too (docs/replay.md: renames move everything).
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"

def tables = json.graph.tables.collect { "${it.schema}.${it.name}".toString() } as Set
assert tables == ['public.users', 'public.Post', 'public.Comment'] as Set

def fks = json.graph.foreignKeys
def post = fks.find { it.from.table == 'Post' }
assert post.from == [schema: 'public', table: 'Post', columns: ['authorId']]
assert post.to == [schema: 'public', table: 'users', columns: ['id']]
assert post.name == 'Post_authorId_fkey'
assert post.file == 'prisma/migrations/20240101000000_init/migration.sql'
def comment = fks.find { it.from.table == 'Comment' }
assert comment.to == [schema: 'public', table: 'users', columns: ['id']]

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results == []
return true
