"""The workspace file and its one write path: the SQLite database and its migrations, what
each record holds, the write path that chains and checks every change, search and lists."""
