#!/usr/bin/env bash
# Placeholder until the code-server test host lands; see scripts/run-integration.mjs.
exit 0
