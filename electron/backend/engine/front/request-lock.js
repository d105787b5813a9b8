// One lock for the whole engine: ordinary requests share it (dynalite already serializes writes per item), a
// transaction holds it alone, so no other request reads or writes between a transaction's checks and its last write.
// First come, first served: a waiting transaction holds back later requests, so it cannot starve.
export class EngineLock {
  #shared = 0;
  #exclusive = false;
  #queue = [];

  /** Resolves with a release function once the lock is held in the given mode. */
  acquire(mode) {
    return new Promise((resolve) => {
      this.#queue.push({ mode, resolve });
      this.#drain();
    });
  }

  #drain() {
    while (this.#queue.length > 0 && !this.#exclusive) {
      const next = this.#queue[0];
      if (next.mode === 'exclusive' && this.#shared > 0) return;
      this.#queue.shift();
      if (next.mode === 'exclusive') this.#exclusive = true;
      else this.#shared++;
      let released = false;
      next.resolve(() => {
        if (released) return;
        released = true;
        if (next.mode === 'exclusive') this.#exclusive = false;
        else this.#shared--;
        this.#drain();
      });
    }
  }

  get state() {
    return { shared: this.#shared, exclusive: this.#exclusive, waiting: this.#queue.length };
  }
}
