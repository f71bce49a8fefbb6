using Airlock.Core.Processes;
using System.Threading.Channels;
using Airlock.Readiness.Git;

namespace Airlock.Readiness.Secrets.History;

/// <summary>
/// Streams <see cref="HistoryLog.Arguments"/> from git and hands each fragment of added lines to a
/// detector while git is still producing the rest: one task parses git's output, workers run the
/// detector, and a bounded channel between them keeps memory flat however long the history is.
/// </summary>
internal sealed class HistoryScanner
{
    /// <summary>A fragment holds at most this many bytes of added lines (a huge generated file is split).</summary>
    public const int DefaultMaxFragmentBytes = 256 * 1024;

    private const int ReadBufferBytes = 1024 * 1024;
    private const int ChannelCapacity = 64;
    private const int ProgressEveryCommits = 200;

    private readonly GitRepository _git;
    private readonly int _maxFragmentBytes;
    private readonly int _workers;

    public HistoryScanner(GitRepository git, int maxFragmentBytes = DefaultMaxFragmentBytes, int? workers = null)
    {
        _git = git;
        _maxFragmentBytes = maxFragmentBytes;
        _workers = workers ?? Math.Max(1, Environment.ProcessorCount);
    }

    /// <summary>Counts the commits the scan will visit (for a progress total).</summary>
    public async Task<long> CountCommitsAsync(CancellationToken cancellationToken)
    {
        var text = await _git.ReadAsync(HistoryLog.CountArguments, cancellationToken);
        return long.TryParse(text, out var count) ? count : 0;
    }

    /// <summary>
    /// Scans the whole history. <paramref name="detect"/> is called concurrently from several threads;
    /// <paramref name="progress"/> receives the number of commits parsed so far.
    /// </summary>
    public async Task<HistoryScanStats> ScanAsync(
        Action<HistoryFragment> detect,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<HistoryFragment>(new BoundedChannelOptions(ChannelCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, _workers)
            .Select(_ => Task.Run(() => DetectAllAsync(channel.Reader, detect, linked), linked.Token))
            .ToArray();
        var parse = Task.Factory.StartNew(
            () => Parse(channel.Writer, progress, linked.Token),
            linked.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            var stats = await parse;
            await Task.WhenAll(workers);
            return stats;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A detector failed and cancelled the parse: surface the detector's exception, not the cancellation.
            await Task.WhenAll(workers);
            throw;
        }
        finally
        {
            await linked.CancelAsync();
            await Task.WhenAll([.. workers, parse]).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task DetectAllAsync(ChannelReader<HistoryFragment> reader, Action<HistoryFragment> detect, CancellationTokenSource scan)
    {
        try
        {
            while (await reader.WaitToReadAsync(scan.Token))
            {
                while (reader.TryRead(out var fragment))
                {
                    detect(fragment);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Stop git and the parser at once instead of letting them fill the channel for nobody.
            await scan.CancelAsync();
            throw;
        }
    }

    // Synchronous reads on a dedicated thread: the parser is the hot loop, and pipe reads gain nothing from async.
    private HistoryScanStats Parse(ChannelWriter<HistoryFragment> writer, Action<long>? progress, CancellationToken cancellationToken)
    {
        var parser = new PatchStreamParser(_maxFragmentBytes);
        var completed = new List<HistoryFragment>();
        long fragments = 0, addedChars = 0, reported = 0;
        using var process = _git.Start(HistoryLog.Arguments);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var finished = false;
        try
        {
            using var stop = cancellationToken.Register(() => ProcessTree.Kill(process));
            var stream = process.StandardOutput.BaseStream;
            var buffer = new byte[ReadBufferBytes];
            var filled = 0;
            int read;
            while ((read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
                var consumed = parser.Parse(buffer.AsSpan(0, filled), completed);
                if (consumed == 0 && filled == buffer.Length)
                {
                    // One line fills the whole buffer (minified or generated text): hand it over in pieces.
                    parser.ParseLinePiece(buffer, completed);
                    consumed = filled;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                Publish();
            }

            cancellationToken.ThrowIfCancellationRequested();
            parser.Complete(buffer.AsSpan(0, filled), completed);
            Publish();
            process.WaitForExit();
            finished = true;
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            // The pipe broke because the scan was cancelled and git was stopped.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            writer.TryComplete();
            if (!finished)
            {
                ProcessTree.Kill(process);
            }
        }

        if (process.ExitCode != 0)
        {
            throw new GitException($"{HistoryLog.Display} failed ({process.ExitCode}): {stderr.GetAwaiter().GetResult().Trim()}");
        }

        progress?.Invoke(parser.Commits);
        return new HistoryScanStats(parser.Commits, fragments, addedChars, parser.SplitFragments, parser.LongLines);

        void Publish()
        {
            foreach (var fragment in completed)
            {
                fragments++;
                addedChars += fragment.Content.Length;
                if (!writer.TryWrite(fragment))
                {
                    // The detectors are behind: wait for room (this is what bounds memory).
                    writer.WriteAsync(fragment, cancellationToken).AsTask().GetAwaiter().GetResult();
                }
            }

            completed.Clear();
            if (progress is not null && parser.Commits - reported >= ProgressEveryCommits)
            {
                reported = parser.Commits;
                progress(reported);
            }
        }
    }
}
