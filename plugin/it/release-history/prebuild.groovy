// the project is its own git work tree with an uncommitted change, so versions say +dirty
def git = { String... args ->
    def process = (['git', '-C', basedir.path, '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList())
            .execute()
    process.waitForProcessOutput(new StringBuilder(), new StringBuilder())
    assert process.exitValue() == 0: "git ${args.join(' ')} failed"
}
git('init', '-q')
git('add', 'pom.xml', 'invoker.properties')
git('commit', '-q', '-m', 'release-history fixture')
new File(basedir, 'pom.xml').append('<!-- an uncommitted change -->\n')
return true
