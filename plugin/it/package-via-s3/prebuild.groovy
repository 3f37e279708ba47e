// the invoker's copy of the project does not keep file modes; a checkout does
new File(basedir, 'src/main/lambda/bootstrap').setExecutable(true, false)
// 55 MB that do not compress: the package is above what Lambda takes in a request
def ballast = new File(basedir, 'src/main/lambda/ballast.bin')
def random = new Random(55)
ballast.withOutputStream { out ->
    byte[] chunk = new byte[1024 * 1024]
    55.times {
        random.nextBytes(chunk)
        out.write(chunk)
    }
}
return true
