using FsCheck.Xunit;
using GridGovernance.Algorithms;

namespace GridGovernance.Tests.Algorithms;

public sealed class IndexedHeapTest
{
    [Fact]
    public void Pops_ByKey_ThenByItem()
    {
        var heap = new IndexedHeap();
        heap.Set(5, 10);
        heap.Set(3, 10);
        heap.Set(9, -4);
        heap.Set(1, 20);
        Assert.Equal(4, heap.Count);
        Assert.Equal([9, 3, 5, 1], Enumerable.Range(0, 4).Select(_ => heap.Pop()));
        Assert.Equal(0, heap.Count);
    }

    [Fact]
    public void Set_MovesAQueuedItem_UpAndDown()
    {
        var heap = new IndexedHeap(8);
        for (int i = 0; i < 8; i++)
        {
            heap.Set(i, i * 10);
        }
        heap.Set(7, -1);
        heap.Set(0, 100);
        Assert.Equal(8, heap.Count);
        Assert.Equal((-1L, 7), (heap.MinKey, heap.MinItem));
        Assert.Equal([7, 1, 2, 3, 4, 5, 6, 0], Enumerable.Range(0, 8).Select(_ => heap.Pop()));
    }

    [Fact]
    public void SetIfLower_KeepsTheLowerKey()
    {
        var heap = new IndexedHeap(4);
        heap.SetIfLower(2, 5);
        heap.SetIfLower(2, 9);
        heap.SetIfLower(3, 7);
        Assert.Equal((5L, 2), (heap.MinKey, heap.MinItem));
        heap.SetIfLower(3, 1);
        Assert.Equal((1L, 3), (heap.MinKey, heap.MinItem));
    }

    [Fact]
    public void Pop_And_Clear_ForgetItems()
    {
        var heap = new IndexedHeap();
        heap.Set(100, 3);
        heap.Set(4, 1);
        heap.Set(7, 2);
        Assert.Equal(4, heap.Pop());
        Assert.False(heap.Contains(4));
        Assert.False(heap.Contains(5000));
        Assert.True(heap.Contains(100));
        Assert.Equal(7, heap.Pop());
        heap.Clear();
        Assert.Equal(0, heap.Count);
        Assert.False(heap.Contains(100));
        heap.Set(100, 8);
        Assert.Equal(1, heap.Count);
    }

    /// <summary>Random operations agree with a sorted set of (key, item) pairs and a table of each item's key.</summary>
    [Property(MaxTest = 300)]
    public bool Operations_AgreeWithASortedSet(int[] script)
    {
        var heap = new IndexedHeap(script.Length % 3 == 0 ? 0 : 16);
        var oracle = new SortedSet<(long Key, int Item)>();
        var keyOf = new Dictionary<int, long>();
        for (int s = 0; s + 2 < script.Length; s += 3)
        {
            int item = (int)((uint)script[s + 1] % 40);
            long key = script[s + 2] % 25;
            switch ((uint)script[s] % 3)
            {
                case 0:
                case 1:
                    heap.Set(item, key);
                    if (keyOf.Remove(item, out long old))
                    {
                        oracle.Remove((old, item));
                    }
                    keyOf[item] = key;
                    oracle.Add((key, item));
                    break;
                default:
                    if (oracle.Count > 0)
                    {
                        var min = oracle.Min;
                        if (heap.MinKey != min.Key || heap.Pop() != min.Item)
                        {
                            return false;
                        }
                        oracle.Remove(min);
                        keyOf.Remove(min.Item);
                    }
                    break;
            }
            if (heap.Count != oracle.Count || keyOf.Keys.Any(i => !heap.Contains(i)))
            {
                return false;
            }
        }
        var drained = new List<int>();
        while (heap.Count > 0)
        {
            drained.Add(heap.Pop());
        }
        return drained.SequenceEqual(oracle.Select(p => p.Item));
    }

    /// <summary>Draining the heap gives the order of <see cref="PriorityQueue{TElement, TPriority}"/> with (key, item) priorities.</summary>
    [Property(MaxTest = 200)]
    public bool Draining_AgreesWithPriorityQueue(long[] keys)
    {
        var heap = new IndexedHeap();
        var queue = new PriorityQueue<int, (long, int)>();
        for (int i = 0; i < keys.Length; i++)
        {
            heap.Set(i, keys[i]);
            queue.Enqueue(i, (keys[i], i));
        }
        while (queue.Count > 0)
        {
            if (heap.Pop() != queue.Dequeue())
            {
                return false;
            }
        }
        return heap.Count == 0;
    }
}
