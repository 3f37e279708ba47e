// the invoker's copy of the project does not keep file modes; a checkout does
new File(basedir, 'src/main/lambda/bootstrap').setExecutable(true, false)
return true
