"""Trust: device identities and their keys, the authored history's hash chains and signed
heads, who wrote a change and what each role may change. Below the workspace: it works on
the connection it is handed."""
