#!/usr/bin/env bash
# Starts and stops the real triple stores that `igfkg push`'s tests publish
# into: an Oxigraph server (`pip install oxigraph` ships it) and Virtuoso
# Open Source (Debian's virtuoso-opensource), each on a free port of
# 127.0.0.1 only, each with its own database in a temporary folder.
#
#   tests/external/stores.sh start DIR   # starts both, writes DIR/env, prints it
#   tests/external/stores.sh stop DIR    # stops both and removes DIR
#
# DIR/env holds the variables the ignored Rust tests read:
#   IGFKG_TEST_OXIGRAPH_URL   the Oxigraph server's root (/store, /query, /update)
#   IGFKG_TEST_OXIGRAPH_BIN   the `oxigraph` binary, for the test that stops a server mid-push
#   IGFKG_TEST_VIRTUOSO_URL   Virtuoso's HTTP root (/sparql-graph-crud-auth, /sparql)
#   IGFKG_TEST_VIRTUOSO_USER, IGFKG_TEST_VIRTUOSO_PASSWORD
#                             a Virtuoso user with the SPARQL_UPDATE role (Digest)
# Run the tests with `set -a; . DIR/env; set +a; cargo test ... -- --ignored`.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
dir=$2

# A port the kernel says is free on loopback now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until a TCP port of 127.0.0.1 accepts connections, or fails after 60 s.
wait_port() {
  local port=$1 name=$2 pid=$3
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "stores.sh: $name exited before listening on 127.0.0.1:$port" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "stores.sh: $name does not listen on 127.0.0.1:$port after 60 s" >&2
  return 1
}

start() {
  mkdir -p "$dir/oxigraph" "$dir/virtuoso"
  dir=$(cd "$dir" && pwd)
  local oxigraph virtuoso isql
  oxigraph=$(command -v oxigraph) || { echo "stores.sh: no oxigraph binary: pip install oxigraph" >&2; exit 1; }
  virtuoso=$(command -v virtuoso-t) || { echo "stores.sh: no virtuoso-t: apt-get install virtuoso-opensource" >&2; exit 1; }
  isql=$(command -v isql-vt || command -v isql) || { echo "stores.sh: no isql-vt" >&2; exit 1; }

  # Oxigraph: igfkg's questions read the union of the named graphs as the
  # default graph, which Oxigraph server does with --union-default-graph.
  local ox_port
  ox_port=$(free_port)
  "$oxigraph" serve --location "$dir/oxigraph/db" --bind "127.0.0.1:$ox_port" \
    --union-default-graph >"$dir/oxigraph/server.log" 2>&1 &
  echo $! >"$dir/oxigraph/pid"
  wait_port "$ox_port" "oxigraph serve" "$(cat "$dir/oxigraph/pid")"

  # Virtuoso: its own ini, its SQL and HTTP ports bound to loopback, its
  # database in $dir. Its SPARQL endpoint reads every graph when a query
  # names none, as igfkg's questions expect.
  local sql_port http_port
  sql_port=$(free_port)
  http_port=$(free_port)
  local db="$dir/virtuoso"
  cat >"$db/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $db/virtuoso.db
ErrorLogFile       = $db/virtuoso.log
LockFile           = $db/virtuoso.lck
TransactionFile    = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $db/virtuoso-temp.db
TransactionFile    = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $db
NumberOfBuffers      = 170000
MaxDirtyBuffers      = 130000
MaxQueryMem          = 1G
VADInstallDir        = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads        = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 300
INI
  (cd "$db" && exec "$virtuoso" +foreground +configfile "$db/virtuoso.ini" >"$db/server.log" 2>&1) &
  echo $! >"$db/pid"
  wait_port "$sql_port" "virtuoso-t" "$(cat "$db/pid")"
  wait_port "$http_port" "virtuoso-t (HTTP)" "$(cat "$db/pid")"

  # A fresh database has dba/dba. Give dba a random password, and make the
  # user the tests push as: the GSP endpoint /sparql-graph-crud-auth lets in
  # (by Digest) SQL users with the SPARQL_UPDATE role.
  local dba_password user_password
  dba_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  user_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  "$isql" "127.0.0.1:$sql_port" dba dba >"$db/isql.log" 2>&1 <<SQL
DB.DBA.USER_CREATE('igfkg', '$user_password');
GRANT SPARQL_UPDATE TO "igfkg";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('igfkg', 7);
USER_SET_PASSWORD('dba', '$dba_password');
SQL
  if grep -q '\*\*\* Error' "$db/isql.log"; then
    cat "$db/isql.log" >&2
    echo "stores.sh: setting up Virtuoso's users failed" >&2
    exit 1
  fi

  cat >"$dir/env" <<ENV
IGFKG_TEST_OXIGRAPH_URL=http://127.0.0.1:$ox_port
IGFKG_TEST_OXIGRAPH_BIN=$oxigraph
IGFKG_TEST_VIRTUOSO_URL=http://127.0.0.1:$http_port
IGFKG_TEST_VIRTUOSO_USER=igfkg
IGFKG_TEST_VIRTUOSO_PASSWORD=$user_password
ENV
  grep _URL "$dir/env"
}

stop() {
  local name pid
  for name in oxigraph virtuoso; do
    [ -f "$dir/$name/pid" ] || continue
    pid=$(cat "$dir/$name/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
  done
  rm -rf "$dir"
}

case $command in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
