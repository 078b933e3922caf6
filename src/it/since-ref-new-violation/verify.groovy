// Only the new broken migration fails the build; the old one stays pre-existing.
def log = new File(basedir, 'build.log').text
def findingLines = log.readLines().findAll { it.contains(': error[') }
assert findingLines.size() == 1 : "finding lines: ${findingLines}"
assert findingLines[0].contains('supabase/migrations/20250301000000_new_broken.sql:1:')
assert findingLines[0].contains('missing-reference-target')
assert log.contains('findings: 1 error, 0 warnings, 0 info new since main (1 pre-existing)')
def failure = log.readLines().find { it.contains('Failed to execute goal') }
assert failure != null && failure.contains('missing-reference-target')
return true
