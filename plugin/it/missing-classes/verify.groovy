def log = new File(basedir, 'build.log').text
assert log.contains('No compiled classes at ')
assert log.contains('Run package-function in the package phase (mvn package), after compile')
return true
