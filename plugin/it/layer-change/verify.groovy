import dev.lambdamaven.it.EmulatorState

assert new File(basedir, 'layered-function/target/first.json').text == '"from layer A for layer"'
assert new File(basedir, 'layered-function/target/second.json').text == '"from layer B for layer"'

EmulatorState.open(new File(emulatorHome)).withCloseable { state ->
    assert state.layerVersions('greetings-layer') == [1L, 2L]
    assert state.versions('layered-function') == ['1', '2']
    def v1 = state.configuration('layered-function', '1')
    def v2 = state.configuration('layered-function', '2')
    assert v1.layers()*.arn() == [v1.layers()[0].arn()] && v1.layers()[0].arn().endsWith(':layer:greetings-layer:1')
    assert v2.layers()[0].arn().endsWith(':layer:greetings-layer:2')
    assert v1.codeSha256() == v2.codeSha256() : 'a layer-only change must not change the function code'
}
def zip = new java.util.zip.ZipFile(new File(basedir, 'layered-function/target/layered-function-1.0-lambda.zip'))
assert !zip.entries().toList().any { it.name.contains('greetings-layer') }
return true
