#!/usr/bin/env node
// Launcher for the `hm` command. It exists before the first build, so pnpm can link the
// command in a fresh workspace, and it loads the compiled CLI from dist/.
import '../dist/bin.js';
