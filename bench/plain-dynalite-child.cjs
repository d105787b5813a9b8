// dynalite 4.0.0 on its own (no Monotable front), for bench/engine-front.mjs: sends its port to the parent.
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 5 });
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
