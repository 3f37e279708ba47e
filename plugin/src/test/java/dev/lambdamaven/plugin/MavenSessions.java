package dev.lambdamaven.plugin;

import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

/** Real Maven sessions over a request and a reactor, for code that reads only those. */
final class MavenSessions {

    private MavenSessions() {}

    static MavenSession of(MavenExecutionRequest request, List<MavenProject> projects) {
        return of(request, new DefaultMavenExecutionResult(), projects);
    }

    /** A session whose build results go to {@code result}. */
    static MavenSession of(MavenExecutionRequest request, MavenExecutionResult result, List<MavenProject> projects) {
        MavenSession session = new MavenSession(null, (RepositorySystemSession) null, request, result);
        session.setProjects(projects);
        return session;
    }

    static MavenSession of(List<MavenProject> projects) {
        return of(new DefaultMavenExecutionRequest(), projects);
    }
}
