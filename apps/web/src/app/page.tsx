export default function Home() {
  return (
    <main>
      <h1>Tuneboard</h1>
    </main>
  );
}
