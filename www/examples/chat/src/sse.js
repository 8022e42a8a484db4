// Reads an LLM-style stream of server-sent events (`data: {"choices":[{"delta":
// {"content":"…"}}]}` … `data: [DONE]`) and yields the text deltas. The page's own
// code, unchanged by pii-veil: the response it reads is already restored.
export async function* textDeltas(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value.replace(/\r\n?/g, '\n');
    for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
      const event = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (!data) continue;
      if (data === '[DONE]') return;
      const content = JSON.parse(data).choices?.[0]?.delta?.content;
      if (content) yield content;
    }
  }
}
