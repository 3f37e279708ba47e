package dev.lambdamaven.plugin;

import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

/** Real Maven sessions over a request and a reactor, for code that reads only those. */
final class MavenSessions {

    private MavenSessions() {}

    static MavenSession of(MavenExecutionRequest request, List<MavenProject> projects) {
        MavenSession session = new MavenSession(null, (RepositorySystemSession) null, request,
                new DefaultMavenExecutionResult());
        session.setProjects(projects);
        return session;
    }

    static MavenSession of(List<MavenProject> projects) {
        return of(new DefaultMavenExecutionRequest(), projects);
    }
}
