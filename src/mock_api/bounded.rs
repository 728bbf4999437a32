//! A log that forgets its oldest entries: bounded both by how many entries it
//! keeps and by their total size, so neither a flood of small calls nor a few
//! large bodies can grow it without end.

use std::collections::VecDeque;

pub struct BoundedLog<T> {
    entries: VecDeque<(T, usize)>,
    bytes: usize,
    max_entries: usize,
    max_bytes: usize,
}

impl<T> BoundedLog<T> {
    pub fn new(max_entries: usize, max_bytes: usize) -> BoundedLog<T> {
        BoundedLog { entries: VecDeque::new(), bytes: 0, max_entries, max_bytes }
    }

    /// Appends an entry of `size` bytes; returns how many of the oldest were dropped to make room.
    pub fn push(&mut self, entry: T, size: usize) -> usize {
        let mut dropped = 0;
        while !self.entries.is_empty() && (self.entries.len() >= self.max_entries || self.bytes + size > self.max_bytes)
        {
            if let Some((_, old)) = self.entries.pop_front() {
                self.bytes -= old;
            }
            dropped += 1;
        }
        self.bytes += size;
        self.entries.push_back((entry, size));
        dropped
    }

    /// The entries, the oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.entries.iter().map(|(entry, _)| entry)
    }

    /// Forgets every entry; returns how many there were.
    pub fn clear(&mut self) -> usize {
        let n = self.entries.len();
        self.entries.clear();
        self.bytes = 0;
        n
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_go_when_either_bound_is_reached() {
        let mut log = BoundedLog::new(3, 100);
        assert_eq!((log.push('a', 10), log.push('b', 10), log.push('c', 10)), (0, 0, 0));
        assert_eq!(log.push('d', 10), 1, "count bound");
        assert_eq!(log.iter().collect::<String>(), "bcd");
        assert_eq!(log.push('e', 85), 2, "size bound");
        assert_eq!(log.iter().collect::<String>(), "de");
        assert_eq!(log.push('f', 500), 2, "an entry larger than the bound is kept alone");
        assert_eq!((log.len(), log.clear(), log.len()), (1, 1, 0));
    }
}
