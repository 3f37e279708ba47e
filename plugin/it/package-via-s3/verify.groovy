import groovy.json.JsonSlurper

def zip = new File(basedir, 'target/package-via-s3-1.0-lambda.zip')
assert zip.length() > 55L * 1024 * 1024

def log = new File(basedir, 'build.log').text
def bucket = 'lambda-maven-plugin-eu-west-1'
assert log.contains("Created the bucket s3://${bucket} on the emulator")
assert log =~ /Uploading package-via-s3-1\.0-lambda\.zip to s3:\/\/lambda-maven-plugin-eu-west-1\/\S+: \d+ of \d+ MB \(100%\)/
assert log =~ /Created package-via-s3 \(code from s3:\/\/lambda-maven-plugin-eu-west-1\/lambda-maven-plugin\/functions\/package-via-s3\/[0-9a-f]{64}\.zip\)/
assert !log.contains('uploaded inline')
assert log.contains('Published package-via-s3 version 1')

// the release's ARNs name the region it was deployed to, as they would on AWS
def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/deployment.json'))
assert report.function.arn == 'arn:aws:lambda:eu-west-1:123456789012:function:package-via-s3' : report
assert report.alias.arn == 'arn:aws:lambda:eu-west-1:123456789012:function:package-via-s3:live' : report

def response = new JsonSlurper().parse(new File(basedir, 'target/response.json'))
assert response == [ballast: 55 * 1024 * 1024, event: [order: 55]]
return true
