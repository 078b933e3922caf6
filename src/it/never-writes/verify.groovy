// The check reads the migrations and writes only its reports. Every file and folder that existed before
// the build is still there, unchanged (content, size, modification time, permissions), and the only new entries
// are the report folder and its two reports.
import groovy.json.JsonSlurper

def record = new File(basedir.parentFile, basedir.name + '-before.txt')
assert record.isFile() : 'the pre-build hook did not record the project'
Map<String, String> before = [:]
record.eachLine('UTF-8') { line ->
    def (k, v) = line.split('\t', 2)
    before[k] = v
}
def after = evaluate(new File(basedir, 'snapshot.groovy'))(basedir)

// the project folder itself gains target/, so its own time may change; nothing else may
def changed = before.findAll { k, v -> k != '' && after[k] != v }
assert changed.isEmpty() : "changed or deleted by the build: ${changed.collect { k, v -> "$k: $v -> ${after[k]}" }}"
def added = (after.keySet() - before.keySet()) as SortedSet
assert added == ['target', 'target/refguard', 'target/refguard/refguard.json', 'target/refguard/refguard.sarif'] as SortedSet :
        "unexpected new files: ${added}"

// the reports were really written, with findings from the migrations
def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings*.ruleId.contains('missing-reference-target')
assert json.findings*.ruleId.contains('unparsed-statement')
assert json.stats.files == 3
def sarif = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.sarif'))
assert sarif.runs[0].results.size() == json.findings.size()

def log = new File(basedir, 'build.log').text
assert log.contains('missing-reference-target') && log.contains('see target/refguard/refguard.sarif')
return true
