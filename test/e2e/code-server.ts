// Real VS Code for the end-to-end test: code-server from npm (scripts/install-code-server.sh puts it in
// .hosts/code-server), with a throwaway user-data, extensions and config folder per run, bound to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const CODE_SERVER_BIN =
  process.env.CARELINT_CODE_SERVER ??
  resolve(__dirname, '..', '..', '.hosts', 'code-server', 'node_modules', '.bin', 'code-server');

/** Quiet, private VS Code: nothing phones home, nothing pops up over the editor. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'editor.minimap.enabled': false,
};

export interface CodeServerDirs {
  userData: string;
  extensions: string;
  /** XDG_CONFIG_HOME: code-server writes its config.yaml here instead of in $HOME. */
  config: string;
}

/** code-server, installed on first use by the project's own script (scripts/setup.sh runs the same one). */
export function requireCodeServer(): void {
  if (!existsSync(CODE_SERVER_BIN) && !process.env.CARELINT_CODE_SERVER) {
    spawnSync('bash', [resolve(__dirname, '..', '..', 'scripts', 'install-code-server.sh')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(CODE_SERVER_BIN)) {
    throw new Error(
      `code-server not found at ${CODE_SERVER_BIN}. Run scripts/setup.sh (as root it also installs the Debian packages code-server compiles against).`,
    );
  }
}

export function makeDirs(root: string): CodeServerDirs {
  const dirs = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dirs;
}

function env(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: dirs.config, PASSWORD: undefined, HASHED_PASSWORD: undefined };
}

export function installExtension(dirs: CodeServerDirs, vsix: string): string {
  const args = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix];
  const run = spawnSync(CODE_SERVER_BIN, args, { env: env(dirs), encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (exit ${run.status}, ${run.error ?? 'no spawn error'}):\n${output}`,
    );
  }
  return output;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export class CodeServer {
  private output = '';
  private exited: string | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk) => {
      this.output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      this.output += chunk;
    });
    child.on('exit', (code, signal) => {
      this.exited = `code-server exited (code ${code}, signal ${signal})`;
    });
  }

  /** Starts code-server on a free 127.0.0.1 port and resolves once /healthz answers. */
  static async start(dirs: CodeServerDirs, timeoutMs = 120_000): Promise<CodeServer> {
    const port = await freePort();
    const args = [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
    ];
    // Its own process group, so stop() also ends the extension host and the other children it forks.
    const child = spawn(CODE_SERVER_BIN, args, { env: env(dirs), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new CodeServer(child, `http://127.0.0.1:${port}`);
    // If mocha is interrupted before after() runs, the group must still go.
    const killOnExit = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    try {
      await server.waitHealthy(timeoutMs);
    } catch (e) {
      await server.stop();
      throw e;
    }
    return server;
  }

  private async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.exited} before answering /healthz.\n${this.log()}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`code-server did not answer ${this.url}/healthz within ${timeoutMs / 1000} s.\n${this.log()}`);
  }

  /** The server's output so far, for failure messages. */
  log(lastChars = 6000): string {
    const text = this.output.length > lastChars ? `…${this.output.slice(-lastChars)}` : this.output;
    return `--- code-server log (${this.url}) ---\n${text}${this.exited ? `\n${this.exited}` : ''}\n--- end of log ---`;
  }

  /** SIGTERM to the whole process group, then SIGKILL to whatever is left of it after 5 s. Safe to call twice. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        /* the group is already empty */
      }
    };
    const gone = this.exited ? Promise.resolve() : new Promise<void>((r) => this.child.once('exit', () => r()));
    signalGroup('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    // Children that ignored SIGTERM (or outlived their leader) must not outlive the test.
    signalGroup('SIGKILL');
    await gone;
  }
}
