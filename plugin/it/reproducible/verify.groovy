import java.security.MessageDigest

def first = new File(basedir, 'target/first-lambda.zip')
def second = new File(basedir, 'target/second-lambda.zip')
assert first.bytes == second.bytes : 'two builds of the same inputs differ'

// golden listing: name, Unix mode, method, DOS date-time fields, size of non-class entries
def z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setFile(first).get()
def listing = z.withCloseable {
    it.entries.toList().collect { e ->
        def time = e.lastModifiedDate.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
        def size = e.name.endsWith('.class') ? '-' : e.size
        "${e.name} ${Integer.toOctalString(e.unixMode)} ${e.method == 0 ? 'stored' : 'deflated'} ${time} ${size}"
    }.join('\n')
}
def expected = new File(basedir, 'expected-listing.txt').text.trim()
assert listing == expected : "listing differs from expected-listing.txt:\n$listing"
return true
