export function NoTokenScreen() {
  return (
    <div className="center-screen" role="alert">
      <h1>Parley needs its access link</h1>
      <p>
        This page was opened without the access token. Open the full address printed by <code>npm start</code> or{' '}
        <code>npm run host</code> — it ends in <code>#token=…</code>.
      </p>
    </div>
  );
}
