def zip = new File(basedir, 'target/custom-runtime-1.0-lambda.zip')
def z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setFile(zip).get()
z.withCloseable {
    assert it.entries.toList().collect { e -> e.name } == ['bootstrap', 'function.properties']
    assert it.getEntry('bootstrap').unixMode == 0100755 : 'bootstrap must be executable in the zip'
    assert it.getEntry('function.properties').unixMode == 0100644
}
return true
