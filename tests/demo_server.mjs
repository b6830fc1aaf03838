// A knooppunt server on a fresh demo network, for the tests that drive one
// from node (tests/e2e, tests/openapi): a free port on 127.0.0.1, the demo
// data in a temporary directory the caller removes, resolved once
// /api/health answers.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// Returns { base, proc, data }.
export async function startDemoServer(bin, web, prefix) {
	const data = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	execFileSync(bin, ['demo', '--data', data, '--volunteers', '300'], { stdio: ['ignore', 'ignore', 'inherit'] });
	const port = await freePort();
	const proc = spawn(bin, ['serve', '--data', data, '--host', '127.0.0.1', '--port', String(port), '--web', web],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	proc.stderr.on('data', (d) => (stderr += d));
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		if (proc.exitCode !== null) throw new Error(`server exited: ${stderr.trim()}`);
		try {
			if ((await fetch(`${base}/api/health`)).ok) return { base, proc, data };
		} catch {
			/* not listening yet */
		}
		await sleep(100);
	}
	throw new Error(`server did not start: ${stderr.trim()}`);
}
