#[test]
fn sqlite_sync() {
    let dir = tempfile::tempdir_in("/work/main/target").unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("b.sqlite")).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).unwrap();
    conn.execute_batch("PRAGMA synchronous=FULL; CREATE TABLE records (key BLOB PRIMARY KEY, value TEXT NOT NULL);").unwrap();
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let opts: Vec<String> = conn.prepare("PRAGMA compile_options").unwrap().query_map([], |r| r.get(0)).unwrap().map(|x| x.unwrap()).collect();
    println!("mode {mode} sync {sync} opts {:?}", opts);
    let v = "x".repeat(2000);
    let t = std::time::Instant::now();
    for i in 0..200u64 {
        conn.execute("INSERT INTO records (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", rusqlite::params![&(i%64).to_be_bytes()[..], &v]).unwrap();
    }
    println!("200 upserts {:?}", t.elapsed());
}
#[test]
fn sqlite_like_bench() {
    let dir = tempfile::tempdir_in("/work/main/target").unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("bench.sqlite")).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    conn.execute_batch("PRAGMA synchronous=FULL;\n         CREATE TABLE records (key BLOB PRIMARY KEY, value TEXT NOT NULL);").unwrap();
    let value = "x".repeat(2000);
    let t = std::time::Instant::now();
    for n in 1..=200u64 {
        let key = (n % 64).to_be_bytes();
        conn.prepare_cached("INSERT INTO records (key, value) VALUES (?1, ?2)\n                 ON CONFLICT(key) DO UPDATE SET value = excluded.value").unwrap().execute(rusqlite::params![&key[..], &value]).unwrap();
    }
    println!("bench-like 200 upserts {:?}", t.elapsed());
}
