document.getElementById('asset').textContent = 'asset script ran';
