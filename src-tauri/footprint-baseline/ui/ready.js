// Ready as soon as the first command answers, as Offerwright is after its first screen.
window.__TAURI__.core.invoke('ping').then(() => { document.body.dataset.ready = 'true'; });
