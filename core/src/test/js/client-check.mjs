// The AWS SDK for JavaScript v3 against the emulator, unchanged: signed requests, a region and an account of its
// own. Run by JsSdkClientTest with EMULATOR_ENDPOINT and ZIP_FILE set; prints one JSON line of what it saw.
import { readFileSync } from 'node:fs';
import {
  LambdaClient, CreateFunctionCommand, GetFunctionCommand, PublishVersionCommand, CreateAliasCommand,
  InvokeCommand, ListFunctionsCommand, GetFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';

const lambda = new LambdaClient({
  endpoint: process.env.EMULATOR_ENDPOINT,
  region: 'ap-southeast-2',
  credentials: { accessKeyId: '210987654321', secretAccessKey: 'secret' },
});

const created = await lambda.send(new CreateFunctionCommand({
  FunctionName: 'js-client', Runtime: 'nodejs22.x', Handler: 'index.handler',
  Role: 'arn:aws:iam::210987654321:role/lambda-test', Code: { ZipFile: readFileSync(process.env.ZIP_FILE) },
}));
for (let i = 0; i < 100; i++) {
  const c = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'js-client' }));
  if (c.State === 'Active') break;
  await new Promise((r) => setTimeout(r, 50));
}
const version = await lambda.send(new PublishVersionCommand({ FunctionName: 'js-client' }));
const alias = await lambda.send(new CreateAliasCommand({ FunctionName: 'js-client', Name: 'live',
  FunctionVersion: version.Version }));
const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'js-client', Qualifier: 'live' }));
const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'js-client', Qualifier: 'live',
  Payload: Buffer.from('{"from":"js"}') }));
const listed = await lambda.send(new ListFunctionsCommand({}));
let missing;
try {
  await lambda.send(new GetFunctionCommand({ FunctionName: 'nope' }));
} catch (e) {
  missing = { name: e.name, status: e.$metadata.httpStatusCode, message: e.message };
}
console.log(JSON.stringify({
  functionArn: created.FunctionArn,
  version: version.Version,
  aliasArn: alias.AliasArn,
  codeSha256: got.Configuration.CodeSha256,
  executedVersion: invoked.ExecutedVersion,
  payload: Buffer.from(invoked.Payload).toString('utf8'),
  listed: listed.Functions.map((f) => f.FunctionName),
  missing,
}));
