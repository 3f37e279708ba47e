// If a build below fails, its emulator-stop never runs: stop the background emulator when this (outer) JVM ends.
def state = new File(basedir, 'state')
Runtime.runtime.addShutdownHook(new Thread({
    def file = new File(state, 'endpoint.json')
    if (file.isFile()) {
        def pid = new groovy.json.JsonSlurper().parse(file).pid as long
        ProcessHandle.of(pid).ifPresent { it.destroy() }
    }
}))
return true
