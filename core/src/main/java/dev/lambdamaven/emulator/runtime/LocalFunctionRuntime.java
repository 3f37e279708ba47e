package dev.lambdamaven.emulator.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs functions locally, without containers: each execution environment is a child process (a JVM running the
 * official runtime interface client, or a custom runtime's {@code bootstrap}) fed by this runtime's own Lambda
 * Runtime API server. An idle environment of the same version, code and configuration serves the next
 * invocation; concurrent invocations get environments of their own; idle ones stop after
 * {@link LocalRuntimeOptions#idleTimeout()}. {@link #close()}, and a JVM shutdown hook, kill every child
 * process tree.
 *
 * <p>{@link #invoke} throws {@link LocalRuntimeException} when this machine cannot run the function at all
 * (no suitable JDK, an unsupported runtime or platform, no {@code bootstrap}); function failures are results.
 */
public final class LocalFunctionRuntime implements FunctionRuntime {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(LocalFunctionRuntime.class.getName());

    private final LocalRuntimeOptions options;
    private final JavaHomeResolver javaHomes;
    /** Started with the first environment: most emulators (a build that only deploys) never run a function. */
    private RuntimeApiServer server;
    private final ClassDataArchive classData;
    private final Map<EnvironmentKey, Deque<ExecutionEnvironment>> idle = new HashMap<>();
    private final Set<ExecutionEnvironment> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong environmentCounter = new AtomicLong();
    private final ScheduledExecutorService reaper;
    /** SnapStart: per version, an environment initialised up to its checkpoint, the next to restore (guarded by this). */
    private final Map<EnvironmentKey, ExecutionEnvironment> snapshots = new HashMap<>();
    /** Provisioned concurrency: the environments kept warm per config name (guarded by this). */
    private final Map<String, Pool> pools = new HashMap<>();
    /** Starts provisioned environments, one at a time, off the caller's thread. */
    private final java.util.concurrent.ExecutorService provisioning;
    private final Thread shutdownHook;
    /** Environment ids (and directory names) are {@code env-<emulator pid>-<n>-<random>}. */
    private static final String ENVIRONMENT_PREFIX = "env-";

    private SecureRandom random;
    private volatile boolean closed;
    private volatile java.net.URI services;
    private List<Path> runtimeClientJars;
    private Path nativeLibrary;

    public LocalFunctionRuntime(LocalRuntimeOptions options) {
        this.options = options;
        this.javaHomes = JavaHomeResolver.withDefaults(options.javaHome(), options.knownJdks());
        try {
            Files.createDirectories(options.workDirectory());
            deleteLeftoversOfDeadEmulators(environmentsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Lambda Runtime API", e);
        }
        this.classData = new ClassDataArchive(options.workDirectory().resolve("cds"));
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lambda-runtime-idle-reaper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, options.idleTimeout().toMillis() / 2));
        reaper.scheduleWithFixedDelay(this::stopIdleEnvironments, period, period, TimeUnit.MILLISECONDS);
        this.provisioning = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lambda-runtime-provisioning");
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::killAll, "lambda-runtime-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public InvocationResult invoke(InvocationRequest request) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("This local function runtime is closed");
        }
        RuntimeKind kind = RuntimeKind.of(request.runtime());
        EnvironmentKey key = EnvironmentKey.of(request);
        ExecutionEnvironment env = takeIdle(key);
        if (env == null) {
            env = launch(request, kind, key, false);
        }
        InvocationResult result;
        try {
            result = env.invoke(new PendingInvocation(request), options.initTimeout());
        } catch (InterruptedException | RuntimeException e) {
            env.stop(); // an invocation may still be running in it: never hand it out again
            throw e;
        }
        release(env);
        classData.buildWanted();
        return result;
    }

    /** The environments one provisioned concurrency config keeps: of one version and configuration. */
    private static final class Pool {
        final EnvironmentKey key;
        final InvocationRequest template;
        final int wanted;
        final Set<ExecutionEnvironment> environments = new java.util.HashSet<>();
        volatile String failure;
        volatile String notRunnableHere;

        Pool(EnvironmentKey key, InvocationRequest template, int wanted) {
            this.key = key;
            this.template = template;
            this.wanted = wanted;
        }
    }

    @Override
    public void provision(String name, InvocationRequest template, int count) {
        if (!closed) {
            provisioning.execute(() -> reconcile(name, template, count));
        }
    }

    @Override
    public void prestart(InvocationRequest template) {
        if (closed) {
            return;
        }
        provisioning.execute(() -> {
            EnvironmentKey key = EnvironmentKey.of(template);
            synchronized (this) {
                Deque<ExecutionEnvironment> envs = idle.get(key);
                if (closed || envs != null && envs.stream().anyMatch(ExecutionEnvironment::isUsable)) {
                    return;
                }
            }
            try {
                ExecutionEnvironment env = launch(template, RuntimeKind.of(template.runtime()), key, false);
                env.startedAhead();
                release(env);
            } catch (RuntimeException e) { // the invocation that needs it starts one and reports why it cannot
                LOG.log(java.util.logging.Level.FINE, "cannot start an environment ahead for "
                        + template.functionName(), e);
            }
        });
    }

    @Override
    public synchronized ProvisionState provisioned(String name) {
        Pool pool = pools.get(name);
        if (pool == null) {
            return ProvisionState.NONE;
        }
        int ready = (int) pool.environments.stream().filter(e -> e.isUsable() && e.initialized()).count();
        return new ProvisionState(pool.template.version(), ready, pool.failure, pool.notRunnableHere);
    }

    /** Brings the pool {@code name} to {@code count} warm environments of {@code template}'s version. */
    private void reconcile(String name, InvocationRequest template, int count) {
        List<ExecutionEnvironment> surplus = new java.util.ArrayList<>();
        Pool pool;
        int missing;
        synchronized (this) {
            pool = pools.get(name);
            EnvironmentKey key = template == null || count <= 0 ? null : EnvironmentKey.of(template);
            if (pool != null && (key == null || !pool.key.equals(key) || pool.wanted != count)) {
                pools.remove(name);
                for (ExecutionEnvironment env : pool.environments) {
                    if (key == null || !pool.key.equals(key)) {
                        surplus.add(env); // still provisioned (not reaped when idle) until it stops, below
                    } else {
                        env.provisionedAs(null); // kept for the new pool, or on demand from now on
                    }
                }
                Pool replaced = pool;
                pool = key == null ? null : new Pool(key, template, count);
                if (pool != null) {
                    for (ExecutionEnvironment env : replaced.environments) {
                        if (pool.key.equals(env.key) && env.isUsable() && pool.environments.size() < count) {
                            env.provisionedAs(name);
                            pool.environments.add(env);
                        } else if (!surplus.contains(env)) {
                            surplus.add(env);
                        }
                    }
                }
            } else if (pool == null && key != null) {
                pool = new Pool(key, template, count);
            }
            if (pool == null) {
                missing = 0;
            } else {
                pools.put(name, pool);
                pool.environments.removeIf(env -> !env.isUsable());
                missing = count - pool.environments.size();
            }
        }
        boolean started = true;
        for (int i = 0; i < missing && !closed && started; i++) {
            started = startProvisioned(name, pool);
        }
        // the environments replaced keep serving, never reaped as idle, until the new ones are up (an alias moved to
        // another version keeps its traffic on the old one meanwhile); then the idle ones stop, the busy ones once
        // they idle out
        if (!surplus.isEmpty() && pool != null) {
            awaitInitialized(pool);
        }
        synchronized (this) {
            surplus.forEach(env -> env.provisionedAs(null)); // on demand: a busy one stops once it idles out
            surplus.removeIf(env -> !removeIdle(env));
        }
        surplus.forEach(ExecutionEnvironment::stop);
    }

    /** Waits (a minute at most) until the environments of {@code pool} have initialised or ended. */
    private void awaitInitialized(Pool pool) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        List<ExecutionEnvironment> envs;
        synchronized (this) {
            envs = List.copyOf(pool.environments);
        }
        try {
            for (ExecutionEnvironment env : envs) {
                while (!env.initialized() && env.isUsable() && !closed && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts one environment for {@code pool}; false when it cannot start (the pool records why). */
    private boolean startProvisioned(String name, Pool pool) {
        ExecutionEnvironment env;
        try {
            env = launch(pool.template, RuntimeKind.of(pool.template.runtime()), pool.key, true);
        } catch (LocalRuntimeException e) { // AWS would run it: the config is READY there, and invokes say why not here
            pool.notRunnableHere = e.getMessage();
            return false;
        } catch (RuntimeException e) {
            pool.failure = e.getMessage();
            return false;
        }
        env.provisionedAs(name);
        synchronized (this) {
            if (pools.get(name) == pool && !closed) {
                pool.environments.add(env);
                idle.computeIfAbsent(env.key, k -> new ArrayDeque<>()).addLast(env);
                return true;
            }
        }
        env.stop(); // the pool was replaced meanwhile
        return true;
    }

    /** Takes {@code env} out of the idle environments; false when it is not idle (busy with an invocation). */
    private boolean removeIdle(ExecutionEnvironment env) {
        Deque<ExecutionEnvironment> envs = idle.get(env.key);
        return envs != null && envs.remove(env);
    }

    /** Process ids of the running environments (for diagnostics and tests). */
    public Set<Long> environmentPids() {
        Set<Long> pids = new java.util.HashSet<>();
        running.stream().mapToLong(ExecutionEnvironment::pid).filter(pid -> pid > 0).forEach(pids::add);
        return pids;
    }

    private synchronized ExecutionEnvironment takeIdle(EnvironmentKey key) {
        Deque<ExecutionEnvironment> envs = idle.get(key);
        while (envs != null && !envs.isEmpty()) {
            ExecutionEnvironment env = envs.pollFirst(); // the most recently used stays hottest
            if (env.isUsable()) {
                return env;
            }
        }
        return null;
    }

    private void release(ExecutionEnvironment env) {
        synchronized (this) {
            if (env.isUsable() && !closed) {
                idle.computeIfAbsent(env.key, k -> new ArrayDeque<>()).addFirst(env);
                return;
            }
        }
        env.stop();
    }

    @Override
    public String snapshot(InvocationRequest template) throws InterruptedException {
        RuntimeKind kind = RuntimeKind.of(template.runtime());
        if (!template.snapStart() || !kind.isJava() || closed) {
            return null;
        }
        EnvironmentKey key = EnvironmentKey.of(template);
        synchronized (this) {
            ExecutionEnvironment taken = snapshots.get(key);
            if (taken != null && taken.isUsable()) {
                return null;
            }
        }
        ExecutionEnvironment env = start(template, kind, key, false);
        if (!env.awaitCheckpoint(options.initTimeout())) {
            String failure = env.checkpointFailure();
            LOG.warning("SnapStart: version " + template.version() + " of " + template.functionName() + " did not"
                    + " reach its checkpoint: " + failure);
            env.stop();
            return failure;
        }
        ExecutionEnvironment replaced;
        synchronized (this) {
            replaced = closed ? env : snapshots.put(key, env);
        }
        if (replaced != null) {
            replaced.stop();
        }
        return null;
    }

    /**
     * A new environment. Of a SnapStart version: the version's snapshot restored (its afterRestore hooks run), or, when
     * there is none (it idled out, the emulator restarted), one that initialises and restores at once; a new snapshot
     * is then taken in the background for the next.
     */
    private ExecutionEnvironment launch(InvocationRequest request, RuntimeKind kind, EnvironmentKey key,
                                        boolean provisioned) {
        if (!request.snapStart() || !kind.isJava()) {
            return start(request, kind, key, provisioned);
        }
        ExecutionEnvironment parked;
        synchronized (this) {
            parked = snapshots.remove(key);
        }
        ExecutionEnvironment env;
        if (parked != null && parked.isUsable()) {
            parked.restore(true);
            env = parked;
        } else {
            if (parked != null) {
                parked.stop();
            }
            env = start(request, kind, key, false);
            env.restore(false);
        }
        if (!closed) {
            provisioning.execute(() -> {
                try {
                    snapshot(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.WARNING, "SnapStart: no snapshot of " + request.functionName(), e);
                }
            });
        }
        return env;
    }

    /** A new environment; {@code provisioned}: started ahead for provisioned concurrency (its initialization type). */
    private ExecutionEnvironment start(InvocationRequest request, RuntimeKind kind, EnvironmentKey key,
                                       boolean provisioned) {
        // unguessable: the id is the only thing that lets a caller of the loopback Runtime API act for this environment
        String id;
        RuntimeApiServer server;
        try {
            id = ENVIRONMENT_PREFIX + ProcessHandle.current().pid() + "-" + environmentCounter.incrementAndGet()
                    + "-" + HexFormat.of().formatHex(randomToken());
            server = server();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Lambda Runtime API", e);
        }
        Path dir = environmentsDirectory().resolve(id);
        ExecutionEnvironment env = new ExecutionEnvironment(id, key, dir, this::forget);
        running.add(env);
        try {
            EnvironmentLauncher.Setup setup = kind.isJava()
                    ? javaSetup(kind, server.registerWithPathPrefix(env))
                    : new EnvironmentLauncher.Setup(server.registerWithOwnPort(env), null, List.of(), null, List.of(),
                            services);
            env.start(EnvironmentLauncher.prepare(request, kind, dir, setup, provisioned));
        } catch (IOException | RuntimeException e) {
            env.stop();
            if (e instanceof LocalRuntimeException lre) {
                throw lre;
            }
            throw new LocalRuntimeException("Cannot start an execution environment for " + request.functionName()
                    + ": " + e, e);
        }
        if (closed) { // close() raced this launch
            env.stop();
            throw new IllegalStateException("This local function runtime is closed");
        }
        return env;
    }

    private synchronized byte[] randomToken() {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] token = new byte[12];
        random.nextBytes(token);
        return token;
    }

    private synchronized RuntimeApiServer server() throws IOException {
        if (closed) {
            throw new IllegalStateException("This local function runtime is closed");
        }
        if (server == null) {
            server = new RuntimeApiServer();
        }
        return server;
    }

    private synchronized RuntimeApiServer startedServer() {
        return server;
    }

    private Path environmentsDirectory() {
        return options.workDirectory().resolve("environments");
    }

    /**
     * Environment directories of an emulator that was killed before it could clean up. The work directory may be
     * shared by several emulator processes, so only directories of processes that are gone are removed.
     */
    private static void deleteLeftoversOfDeadEmulators(Path environments) throws IOException {
        if (!Files.isDirectory(environments)) {
            return;
        }
        try (var dirs = Files.list(environments)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                String[] parts = name.split("-");
                if (name.startsWith(ENVIRONMENT_PREFIX) && parts.length > 2 && parts[1].matches("\\d{1,18}")
                        && ProcessHandle.of(Long.parseLong(parts[1])).map(h -> !h.isAlive()).orElse(true)) {
                    ExecutionEnvironment.deleteDirectory(dir);
                }
            }
        }
    }

    private synchronized EnvironmentLauncher.Setup javaSetup(RuntimeKind kind, String runtimeApi) {
        Path javaHome = javaHomes.resolve(kind.javaFeatureVersion(), kind.id());
        if (runtimeClientJars == null) {
            List<Path> jars = options.runtimeClientJars().isEmpty()
                    ? RuntimeClientClasspath.find(options.workDirectory()) : options.runtimeClientJars();
            nativeLibrary = NativeClientLibrary.extract(jars, options.workDirectory().resolve("native"));
            runtimeClientJars = jars;
        }
        return new EnvironmentLauncher.Setup(runtimeApi, javaHome, runtimeClientJars, nativeLibrary,
                classData.jvmOptions(javaHome, runtimeClientJars, nativeLibrary), services);
    }

    private void forget(ExecutionEnvironment env) {
        RuntimeApiServer started = startedServer();
        if (started != null) {
            started.unregister(env);
        }
        running.remove(env);
        Pool replenish = null;
        String name = env.provisionedAs();
        synchronized (this) {
            Deque<ExecutionEnvironment> envs = idle.get(env.key);
            if (envs != null) {
                envs.remove(env);
                if (envs.isEmpty()) {
                    idle.remove(env.key);
                }
            }
            snapshots.values().remove(env);
            Pool pool = name == null ? null : pools.get(name);
            if (pool != null && pool.environments.remove(env) && !closed) {
                replenish = pool; // a provisioned environment died (a crash, a timeout): Lambda starts another
            }
        }
        if (replenish != null) {
            Pool pool = replenish;
            provisioning.execute(() -> reconcile(name, pool.template, pool.wanted));
        }
    }

    private void stopIdleEnvironments() {
        long limit = options.idleTimeout().toNanos();
        List<ExecutionEnvironment> expired = new java.util.ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Deque<ExecutionEnvironment> envs : idle.values()) {
                envs.removeIf(env -> {
                    boolean old = env.provisionedAs() == null && now - env.idleSinceNanos() > limit;
                    if (old) {
                        expired.add(env);
                    }
                    return old;
                });
            }
            idle.values().removeIf(Deque::isEmpty);
            snapshots.values().removeIf(env -> {
                boolean old = now - env.idleSinceNanos() > limit;
                if (old) {
                    expired.add(env);
                }
                return old;
            });
        }
        expired.forEach(ExecutionEnvironment::stop);
    }

    /**
     * Kills every runtime at once, leaving each supervisor to reap its runtime and exit (also from the shutdown hook,
     * so it must not block long).
     */
    private void killAll() {
        classData.close();
        running.forEach(ExecutionEnvironment::killRuntime);
    }

    @Override
    public void serviceEndpoint(java.net.URI endpoint) {
        services = endpoint;
    }

    @Override
    public void close() {
        closed = true;
        reaper.shutdownNow();
        provisioning.shutdownNow();
        killAll();
        for (ExecutionEnvironment env : List.copyOf(running)) {
            env.stop();
        }
        RuntimeApiServer started = startedServer();
        if (started != null) {
            started.close();
        }
        classData.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
