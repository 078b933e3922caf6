// Run 1 (serial) and run 2 (-T 2) write the same bytes; run 3 (-T 2, failOn=error) fails in both modules and
// still writes the same reports. Each module reports only its own history; the parent, which has none, does not
// pick up the modules' migrations (folders with their own pom.xml are other modules). No report holds a path of
// this machine.
import groovy.json.JsonSlurper

def reports = ['refguard.json', 'refguard.sarif']
def runs = ['target/refguard-serial', 'target/refguard-parallel', 'target/refguard']

def lineOf = { String module, String file, String text ->
    def index = new File(basedir, "$module/$file").readLines('UTF-8').findIndexOf { it.contains(text) }
    assert index >= 0 : "no line of $module/$file contains $text"
    index + 1
}
def a = 'supabase/migrations/'
def b = 'src/main/resources/db/migration/'
def expected = [
    'app-a': [
        ['fk-type-mismatch', a + '20240101000000_init.sql',
                lineOf('app-a', a + '20240101000000_init.sql', 'editor_handle text')],
        // posts' CREATE TABLE fails on its FK type, so comments.post_id cannot find it either (PostgreSQL
        // reports the first of the two; refguard shows both problems of the statement in one run)
        ['missing-reference-target', a + '20240201000000_comments.sql',
                lineOf('app-a', a + '20240201000000_comments.sql', 'references public.posts')],
        ['missing-reference-target', a + '20240201000000_comments.sql',
                lineOf('app-a', a + '20240201000000_comments.sql', 'references public.threads')]],
    'app-b': [
        // orders' CREATE TABLE fails on the missing coupons, so V2's order_items fails with it (a cascade, folded
        // under the root) and V2's create table shop.orders is no redefinition: orders was never made
        ['missing-reference-target', b + 'V1__orders.sql', lineOf('app-b', b + 'V1__orders.sql', 'shop.coupons')]]]
def roots = ['app-a': 'supabase/migrations', 'app-b': 'src/main/resources/db/migration']

expected.each { module, findings ->
    reports.each { name ->
        def serial = new File(basedir, "$module/${runs[0]}/$name")
        assert serial.isFile() : "missing $serial"
        runs.tail().each { run ->
            def other = new File(basedir, "$module/$run/$name")
            assert other.isFile() : "missing $other"
            assert other.bytes == serial.bytes : "$module/$run/$name differs from the serial run's"
        }
    }
    def json = new JsonSlurper().parse(new File(basedir, "$module/${runs[0]}/refguard.json"))
    assert json.stats.histories.size() == 1 && json.stats.histories[0].startsWith(roots[module] + ' (') :
            "$module: ${json.stats.histories}"
    assert (json.graph.tables*.history + json.graph.foreignKeys*.history) as Set == [roots[module]] as Set
    assert json.findings.collect { [it.ruleId, it.file, it.line] } as Set == findings as Set :
            "$module: unexpected findings ${json.findings}"
    // every file a module's report names is one of its own
    def named = json.findings*.file + json.graph.tables*.file + json.graph.foreignKeys*.file
    named.each { file ->
        assert file.startsWith(roots[module] + '/') && new File(basedir, "$module/$file").isFile() :
                "$module names a file that is not its own: $file"
    }
    def sarif = new JsonSlurper().parse(new File(basedir, "$module/${runs[0]}/refguard.sarif"))
    assert sarif.runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri } as Set ==
            findings.collect { it[1] } as Set
}

// the parent has no migrations of its own and must not report its modules'
runs.each { run ->
    def json = new JsonSlurper().parse(new File(basedir, "$run/refguard.json"))
    assert json.findings.isEmpty() && json.stats.files == 0 && json.stats.histories.isEmpty() : "parent: $json"
}

// no absolute path of this machine in any report
def absolute = [basedir.absolutePath, basedir.canonicalPath].unique()
def written = []
basedir.eachFileRecurse { if (it.name in reports) written << it }
assert written.size() == 3 * 3 * 2
written.each { file ->
    def text = file.getText('UTF-8')
    absolute.each { assert !text.contains(it) : "$file contains the absolute path $it" }
    assert !text.contains('file:/') : "$file contains a file: URI"
}

def log = new File(basedir, 'build.log').text
assert log.count('Using the MultiThreadedBuilder implementation with a thread count of 2') == 2
assert log.count('BUILD SUCCESS') == 2 && log.count('BUILD FAILURE') == 1
assert log.contains('on project app-a: refguard: 3 findings at or above error (2 missing-reference-target, 1 fk-type-mismatch); see target/refguard/refguard.sarif')
assert log.contains('on project app-b: refguard: 1 finding at or above error (1 missing-reference-target); see target/refguard/refguard.sarif')
// the log holds the three runs: under -T 2 every console line of refguard names its module, serially none does
def findingLines = log.readLines().findAll { it =~ /: error\[[a-z-]+\] / }
def serialLines = findingLines.findAll { !it.contains('[app-a] ') && !it.contains('[app-b] ') }
assert !serialLines.isEmpty()
assert findingLines.count { it.contains('[app-a] supabase/migrations/') } == 2 * serialLines.count { it.contains('] supabase/migrations/') }
assert findingLines.count { it.contains('[app-b] src/main/resources/db/migration/') } == 2 * serialLines.count { it.contains('] src/main/resources/db/migration/') }
return true
