using System.Diagnostics;
using Npgsql;

namespace Woohakdong.Bench;

/// <summary>
/// The crowd's students, each with a complete profile and a bearer token. Through /v1 alone a student costs two password
/// hashes (register, then log in; PBKDF2 is by far the app's costliest step), which put 20,000 students near an hour on
/// two cores. So the first student registers through /v1 and the others are copies of that account made in one SQL
/// statement (the same password hash; their own id, e-mail, security stamp and profile), each then logged in through /v1:
/// one hash per student, spread over the instances.
/// </summary>
public static class Students
{
    public static async Task<string[]> SignUpAsync(
        IReadOnlyList<WoohakdongApi> instances, string database, int count, string password, int parallelism, Stopwatch clock)
    {
        var tokens = new string[count];
        tokens[0] = await instances[0].SignUpAsync(EmailOf(0), password, NumberOf(0));
        await CopyAsync(database, EmailOf(0), Enumerable.Range(1, count - 1).ToList());
        Console.WriteLine($"  {count - 1} students copied in SQL ({clock.Elapsed.TotalSeconds:F0} s)");
        var ready = 1;
        await Parallel.ForEachAsync(Enumerable.Range(1, count - 1), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) =>
            {
                tokens[i] = await instances[i % instances.Count].LogInAsync(EmailOf(i), password);
                if (Interlocked.Increment(ref ready) % 1000 == 0) Console.WriteLine($"  {ready} students logged in ({clock.Elapsed.TotalSeconds:F0} s)");
            });
        return tokens;
    }

    private static string EmailOf(int student) => $"student{student}@bench.woohakdong.test";

    // Account 0 is the president.
    private static int NumberOf(int student) => student + 1;

    private static async Task CopyAsync(string database, string templateEmail, IReadOnlyList<int> students)
    {
        var emails = students.Select(EmailOf).ToArray();
        var profiles = students.Select(s => Profile.Of(NumberOf(s))).ToArray();
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        // Normalized as Identity's default normalizer does (upper-case, invariant); the template's other columns as registered.
        await using var copy = new NpgsqlCommand("""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
                "AccessFailedCount", "DisplayName", "School", "Major", "StudentNumber", "Phone", "Language", "CreatedAt", "UpdatedAt")
            SELECT gen_random_uuid(), s.email, s.normalized, s.email, s.normalized, t."EmailConfirmed",
                t."PasswordHash", upper(replace(gen_random_uuid()::text, '-', '')), gen_random_uuid()::text, false, false, t."LockoutEnabled",
                0, s.name, s.school, s.major, s.number, s.phone, t."Language", now(), now()
            FROM "AspNetUsers" t,
                unnest(@emails, @normalized, @names, @schools, @majors, @numbers, @phones) AS s(email, normalized, name, school, major, number, phone)
            WHERE t."NormalizedEmail" = @template
            """, db);
        copy.Parameters.AddWithValue("emails", emails);
        copy.Parameters.AddWithValue("normalized", emails.Select(e => e.ToUpperInvariant()).ToArray());
        copy.Parameters.AddWithValue("names", profiles.Select(p => p.Name).ToArray());
        copy.Parameters.AddWithValue("schools", profiles.Select(p => p.School).ToArray());
        copy.Parameters.AddWithValue("majors", profiles.Select(p => p.Major).ToArray());
        copy.Parameters.AddWithValue("numbers", profiles.Select(p => p.StudentNumber).ToArray());
        copy.Parameters.AddWithValue("phones", profiles.Select(p => p.Phone).ToArray());
        copy.Parameters.AddWithValue("template", templateEmail.ToUpperInvariant());
        var copied = await copy.ExecuteNonQueryAsync();
        if (copied != students.Count) throw new InvalidOperationException($"copied {copied} students, expected {students.Count}");
    }
}
