import java.nio.file.Files
import java.nio.file.StandardCopyOption

// a fresh copy of the example, without anything an earlier build of it left behind
def source = new File(basedir, '../../../../examples/monorepo').canonicalFile.toPath()
def copy = new File(basedir, 'monorepo').toPath()
Files.walk(source).withCloseable { paths ->
    paths.filter { !source.relativize(it).toString().split('/').contains('target') }.each { path ->
        def target = copy.resolve(source.relativize(path).toString())
        if (Files.isDirectory(path)) {
            Files.createDirectories(target)
        } else {
            Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
return true
